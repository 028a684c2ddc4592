/** The rows of StackOne's Greenhouse troubleshooting table (../shared/seeds/), for harness/scenarios/troubleshooting-rows.ts. */
import { MARKETPLACE, type TroubleshootingRow } from '../../harness/emulator/glossary.ts';

export const troubleshootingRows: TroubleshootingRow[] = [
  { symptom: 'Unable to find your Integration app in Greenhouse Marketplace/Partner Directory.', screenOnly: MARKETPLACE },
  { symptom: 'Integration partner app not visible under Jobs > Interview Plan to add.' },
  { symptom: 'Unable to open prompt to select package & Getting `Sorry, we encountered an error. Please try again.` message.' },
  { symptom: 'Test notification is not received.' },
  { symptom: 'The job\'s hiring team data is not be included in test notification.' },
  { symptom: 'Unable to update result.' },
  { symptom: 'Unable to update result details again.' },
];
