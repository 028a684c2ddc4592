/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
/**
 * A candidate as the recruiter sees them in one ATS: each test or check sent, rendered by that ATS's display rules. The CLI `show`, the control plane and the dashboard all read this.
 */
export interface CandidateCard {
  ats: string;
  atsName: string;
  candidate: {
    id: string;
    nativeId?: string;
    name: string;
    email?: string;
    job?: string;
    profileUrl?: string;
  };
  results: ResultCardView[];
}
/**
 * This interface was referenced by `CandidateCard`'s JSON-Schema
 * via the `definition` "ResultCardView".
 */
export interface ResultCardView {
  /**
   * The ATS's own id of this test (partner-result id, report id, take-home test id, order id)
   */
  nativeId: string;
  /**
   * The bridge's order id, where known
   */
  orderId?: string;
  category: 'assessment' | 'background_check';
  /**
   * Package or test name as shown
   */
  title: string;
  status: {
    /**
     * The badge text, e.g. Completed, Sent
     */
    label: string;
    tone: 'neutral' | 'pending' | 'success' | 'danger' | 'warning';
    /**
     * e.g. clock, check, cross
     */
    icon?: string;
    tooltip?: string;
  };
  score?: {
    /**
     * As displayed: '80 out of 100', '70%', '28/80'
     */
    text: string;
    value?: number;
    min?: number;
    max?: number;
  };
  label?: string;
  summary?: string;
  /**
   * What the bridge read on a guess in the latest result update behind this test, in plain words (e.g. result.value is missing: read as completed ... (inferred)); not part of the ATS's own display
   */
  warnings?: string[];
  links: {
    text: string;
    url: string;
  }[];
  attachments: {
    name: string;
    url: string;
  }[];
  /**
   * Further labelled values the ATS shows (Started At, Completed At, Notes, ...)
   */
  fields: {
    label: string;
    value: string;
  }[];
  /**
   * An error the ATS shows on this card
   */
  error?: string;
  updatedAt?: string;
}
