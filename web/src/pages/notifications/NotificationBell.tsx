import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { unreadCount } from './api.ts';

/** Tells the header's bell to refresh after notices are read here. */
export const READ_EVENT = 'qtrace:notifications-read';

/** The header's bell: the unread count, refreshed every 30 s, opening the notifications page. */
export function NotificationBell() {
  const navigate = useNavigate();
  const [count, setCount] = useState(0);
  useEffect(() => {
    const ctl = new AbortController();
    const load = () =>
      unreadCount(ctl.signal)
        .then((r) => setCount(r.unread))
        .catch(() => {});
    void load();
    const timer = window.setInterval(load, 30_000);
    window.addEventListener(READ_EVENT, load);
    return () => {
      ctl.abort();
      window.clearInterval(timer);
      window.removeEventListener(READ_EVENT, load);
    };
  }, []);
  return (
    <Badge count={count} size="small" data-testid="notification-count">
      <Button type="text" icon={<BellOutlined />} aria-label="通知" onClick={() => navigate('/notifications')} />
    </Badge>
  );
}
