import { notifications } from '@mantine/notifications';

export function toastSuccess(message: string) {
  notifications.show({ message, color: 'teal', autoClose: 3500 });
}

export function toastError(message: string) {
  notifications.show({ message, color: 'red', autoClose: 6000 });
}
