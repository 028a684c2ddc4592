/** The rows of StackOne's Recruitee troubleshooting table (../shared/seeds/), for harness/scenarios/troubleshooting-rows.ts. */
import { MARKETPLACE, type TroubleshootingRow } from '../../harness/emulator/glossary.ts';

export const troubleshootingRows: TroubleshootingRow[] = [
  { symptom: 'Unable to find your Integration app in Recruitee Marketplace.', screenOnly: MARKETPLACE },
  { symptom: 'Integration partner app not visible under applications to select.' },
  { symptom: 'Getting error message on pop-up when user selects the integration app to send the test.' },
  { symptom: 'Test notification is not received.' },
  { symptom: 'Unable to update result.' },
];
