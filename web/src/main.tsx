import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { cspNonce } from './csp-nonce.ts';
import { AuthProvider } from './auth.tsx';
import { registerServiceWorker } from './service-worker.ts';
import { AppRoutes } from './routes.tsx';
import './format.ts';
import './styles.css';

registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider csp={cspNonce ? { nonce: cspNonce } : undefined} locale={zhCN} theme={{ token: { colorPrimary: '#1d5fb8', borderRadius: 4 } }}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
