/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { Order } from './order.ts';

/**
 * The order event the bridge POSTs to a partner's webhook URL, signed with x-stackone-signature. The order sits in event_data; `data` repeats it only when configured (orderWebhook.dataCopy, inferred).
 */
export interface OrderWebhook {
  project_id: string;
  account_id: string;
  provider?: string;
  /**
   * ats_assessments.created or background_check_order.created by default (configurable)
   */
  event: string;
  event_date: string;
  record_type: string;
  record_id: string;
  record_remote_id?: string | null;
  sent_at: string;
  event_data: Order;
  data?: Order;
}
