import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types.ts';

const COLORS: Record<Role, string> = {
  admin: 'red',
  manager: 'grape',
  sales: 'blue',
  agent: 'teal',
  marketing: 'orange',
  auditor: 'gray',
  client: 'cyan',
};

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[role]} variant="light" size="sm">
      {t(`roles.${role}`)}
    </Badge>
  );
}
