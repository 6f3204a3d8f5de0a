export declare const SAMPLE_OUTLINE: { days: string[]; fridaySessions: string[]; firstSessionTalks: string[]; talkCount: number };
export declare const SAMPLE_FLAGGED_LINK: { line: number; text: string; code: string; fix: string };
