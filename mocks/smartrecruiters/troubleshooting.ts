/** The rows of StackOne's SmartRecruiters troubleshooting table (../shared/seeds/), for harness/scenarios/troubleshooting-rows.ts. */
import { MARKETPLACE, type TroubleshootingRow } from '../../harness/emulator/glossary.ts';

export const troubleshootingRows: TroubleshootingRow[] = [
  { symptom: 'Integration not appearing in SmartRecruiters marketplace', screenOnly: `SmartRecruiters' Partner Portal: ${MARKETPLACE}` },
  { symptom: 'Order Assessment button missing from candidate profile' },
  { symptom: 'Getting List displays incomplete data. An error occurred while fetching one or more packages from partner. Click \'Reload\' button to try to fetch packages again on Order Assessments pop-up' },
  { symptom: 'External Trigger Token field is not visible at StackOne Connector Hub' },
  { symptom: 'Test notification is not received' },
  { symptom: 'Unable to update result' },
  { symptom: 'Result URL or Attachment\'s URL showing error when opened.' },
];
