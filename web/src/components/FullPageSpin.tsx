import { Flex, Spin } from 'antd';

export function FullPageSpin({ text = '正在加载…' }: { text?: string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" description={text} />
    </Flex>
  );
}
