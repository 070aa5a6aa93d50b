import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { showMappedFieldError } from '../../components/formErrors.ts';
import { useRetained } from '../../hooks/useRetained.ts';
import type { Calibration, EquipmentDetail } from '../../types.ts';
import { addCalibration } from './api.ts';
import { CalibrationFields, calibrationFieldMap, toNewCalibration, type CalibrationValues } from './CalibrationFields.tsx';

export function CalibrationModal({ equipment, onClose, onSaved }: { equipment: EquipmentDetail | null; onClose: () => void; onSaved: (c: Calibration) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CalibrationValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = useRetained(equipment);

  const onFinish = async (v: CalibrationValues) => {
    if (!equipment) return;
    setSaving(true);
    setError(null);
    try {
      const c = await addCalibration(equipment.id, toNewCalibration(v));
      message.success(`已登记检定/校准证书「${c.certificateNumber}」`);
      onSaved(c);
    } catch (e) {
      if (!showMappedFieldError(form, e, calibrationFieldMap('', (n) => n))) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={equipment !== null}
      title={`登记检定/校准证书${shown ? ` · ${shown.equipmentType} ${shown.serialNumber}` : ''}`}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={620}
      afterOpenChange={(o) => !o && setError(null)}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<CalibrationValues> form={form} layout="vertical" onFinish={onFinish} preserve={false} disabled={saving} name="new-calibration" initialValues={{ kind: 'calibration' }}>
        <CalibrationFields />
      </Form>
    </Modal>
  );
}
