import { InboxOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { exchangePath } from './IdentityCard';

/** 收取交换包 where people look for what arrived (待审阅, 我的文稿), not only under 导出. */
export function ReceiveButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button icon={<InboxOutlined />} onClick={() => navigate(exchangePath)} data-testid="receive-package">
      {t('officeTemplates.receive')}
    </Button>
  );
}
