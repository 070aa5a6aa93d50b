import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CalendarStatus } from '../../types.ts';
import { getCalendarStatus } from './api.ts';

/** On the platform administrator's home page: a year of holidays to load (GET /calendar/status says which). */
export function CalendarBanner() {
  const navigate = useNavigate();
  const [warnings, setWarnings] = useState<CalendarStatus['warnings']>([]);
  useEffect(() => {
    let alive = true;
    getCalendarStatus()
      .then((s) => alive && setWarnings(s.warnings))
      .catch(() => alive && setWarnings([]));
    return () => {
      alive = false;
    };
  }, []);
  return (
    <>
      {warnings.map((w) => (
        <Alert
          key={w.code}
          type={w.code === 'CALENDAR_CURRENT_YEAR_MISSING' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={w.message}
          action={
            <Button size="small" onClick={() => navigate('/calendar')}>
              去加载
            </Button>
          }
        />
      ))}
    </>
  );
}
