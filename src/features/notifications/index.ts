/** Notifications: the outbox, how it is rendered, and who sends it. */
export { enqueueNotification, type NotificationInput } from './enqueue-notification.ts';
export { firstAvailableSender, type SendOutcome, type NotificationSender } from './notification-sender.ts';
export { renderNotification } from './render-notification.ts';
export { listInbox, reachableByWebInbox, type InboxItem } from './list-inbox.ts';
