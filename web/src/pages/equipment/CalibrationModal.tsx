import { App, Form } from 'antd';
import { FormModal } from '../../components/FormModal.tsx';
import { useRetained } from '../../hooks/useRetained.ts';
import type { Calibration, EquipmentDetail } from '../../types.ts';
import { addCalibration } from './api.ts';
import { CalibrationFields, calibrationFieldMap, toNewCalibration, type CalibrationValues } from './CalibrationFields.tsx';

export function CalibrationModal({ equipment, onClose, onSaved }: { equipment: EquipmentDetail | null; onClose: () => void; onSaved: (c: Calibration) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CalibrationValues>();
  const shown = useRetained(equipment);

  const onFinish = async (v: CalibrationValues) => {
    if (!equipment) return;
    const c = await addCalibration(equipment.id, toNewCalibration(v));
    message.success(`已登记检定/校准证书「${c.certificateNumber}」`);
    onSaved(c);
  };

  return (
    <FormModal
      open={equipment !== null}
      title={`登记检定/校准证书${shown ? ` · ${shown.equipmentType} ${shown.serialNumber}` : ''}`}
      form={form}
      name="new-calibration"
      fields={calibrationFieldMap('', (n) => n)}
      onSubmit={onFinish}
      onClose={onClose}
      width={620}
      initialValues={{ kind: 'calibration' }}
    >
      <CalibrationFields />
    </FormModal>
  );
}
