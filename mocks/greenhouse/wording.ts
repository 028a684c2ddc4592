/** What Greenhouse says, in one place (seeds/003, StackOne's Greenhouse guide, and Greenhouse's docs). */
export const GREENHOUSE_WORDING = {
  /** the test picker could not be filled (troubleshooting: package list missing, invalid or unreachable) */
  sorry: 'Sorry, we encountered an error. Please try again.',
  /** troubleshooting: "Integration partner app not visible under Jobs > Interview Plan" (invalid External Trigger Token) */
  appNotActive: 'Integration partner app not visible under Jobs > Interview Plan: the integration app is not active. Contact Greenhouse support for partnership status & provide External Trigger Token.',
  appNotVisible: 'Integration partner app not visible under Jobs > Interview Plan: the partner did not accept the API key (External Trigger Token) Greenhouse has for it. Contact Greenhouse support for partnership status & provide External Trigger Token.',
  /** the checklist: after Send Test */
  submitted: 'Submitted tests',
  /** on the application, once sent */
  awaiting: 'Awaiting candidate’s submission',
  alreadyCompleted: 'This test has already been completed. Multiple updates are not allowed for a test.',
  beingUpdated: 'This test is already being updated. Multiple updates are not allowed for a test.',
  notSentYet: 'This test has not been sent to the partner yet.',
  badCredentials: 'Invalid Basic Auth credentials',
  notFound: (what: string, id: string) => `${what} ${id} not found`,
} as const;
