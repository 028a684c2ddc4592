/** The rows of StackOne's Teamtailor troubleshooting table (../shared/seeds/), for harness/scenarios/troubleshooting-rows.ts. */
import { MARKETPLACE, type TroubleshootingRow } from '../../harness/emulator/glossary.ts';

export const troubleshootingRows: TroubleshootingRow[] = [
  { symptom: 'Unable to add new Integration partner app.', screenOnly: 'Teamtailor\'s partner portal: the partnership is not active or the user is not an admin; decided before any integration call' },
  { symptom: 'Integration partner app not visible in Teamtailor Marketplace.', screenOnly: MARKETPLACE },
  { symptom: 'Getting `Failed to fetch config from partner: Unable to fetch the partner config` error on the pop-up.' },
  { symptom: 'External Trigger Token field is not visible at StackOne Connector Hub.' },
  { symptom: 'User unable to activate integration app.' },
  { symptom: 'Test notification is not received.' },
  { symptom: 'Test notification not included the job\'s hiring team.' },
  { symptom: 'Unable to update result.' },
  { symptom: 'Result URL or Attachment\'s URL showing error when opened.' },
];
