export { formatDate, formatDateTime } from '../../shared/format.ts';
