import { Alert, Form, Modal, type FormInstance, type FormProps, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import { useSubmit, type FieldErrorTarget, type Submission } from '../hooks/useSubmit.ts';

/** The server's refusal above a form (or a dialog without one). */
export function ErrorAlert({ error, className, testId, title }: { error: string | null; className?: string; testId?: string; title?: string }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={title ?? error} description={title ? error : undefined} style={{ marginBottom: 16 }} className={className} data-testid={testId} />;
}

export interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  /** The form, from `Form.useForm()` in the caller (so it can watch items). */
  form: FormInstance<V>;
  /** The form's name (its items' ids start with it). */
  name?: string;
  /** Sends the form. Resolves when done (the caller shows its success message and closes); a throw is shown. */
  onSubmit: (values: V) => Promise<void>;
  onClose: () => void;
  /** Where the server's field errors go; anything else is shown above the form. */
  fields?: FieldErrorTarget;
  okText?: string;
  danger?: boolean;
  /** Extra conditions that keep the OK button disabled (e.g. data still loading). */
  okDisabled?: boolean;
  width?: number;
  initialValues?: FormProps<V>['initialValues'];
  layout?: FormProps<V>['layout'];
  onValuesChange?: FormProps<V>['onValuesChange'];
  /** What the dialog says before the form (above the error). */
  intro?: ReactNode;
  errorClassName?: string;
  errorTestId?: string;
  /** A heading above the server's message (then shown as the alert's description). */
  errorTitle?: string;
  footer?: ModalProps['footer'];
  afterClose?: () => void;
  /** Called once the dialog has closed (reset state the caller keeps beside the form). */
  onClosed?: () => void;
  /** A failure of loading what the form needs, shown where the server's refusal would be. */
  error?: string | null;
  /** The submission state, when the caller also needs it (e.g. to show a loading failure or clear the error). */
  submit?: Submission;
  children: ReactNode;
}

/**
 * A dialog around one form: OK submits; saving shows on the button and disables the form; the server's refusal goes
 * onto its form item or above the form; closing resets the form (destroyed on hide) and clears the error.
 */
export function FormModal<V>(p: FormModalProps<V>) {
  const own = useSubmit(p.form, p.fields);
  const { saving, error, setError, run } = p.submit ?? own;
  return (
    <Modal
      open={p.open}
      title={p.title}
      okText={p.okText ?? '保存'}
      cancelText="取消"
      okButtonProps={p.danger || p.okDisabled ? { danger: p.danger, disabled: p.okDisabled } : undefined}
      onOk={() => p.form.submit()}
      onCancel={p.onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={p.width}
      footer={p.footer}
      afterClose={p.afterClose}
      afterOpenChange={(o) => {
        if (o) return;
        setError(null);
        p.onClosed?.();
      }}
    >
      {p.intro}
      <ErrorAlert error={error ?? p.error ?? null} className={p.errorClassName} testId={p.errorTestId} title={p.errorTitle} />
      <Form<V>
        form={p.form}
        layout={p.layout ?? 'vertical'}
        name={p.name}
        preserve={false}
        disabled={saving}
        initialValues={p.initialValues}
        onValuesChange={p.onValuesChange}
        onFinish={(v) => run(() => p.onSubmit(v))}
      >
        {p.children}
      </Form>
    </Modal>
  );
}
