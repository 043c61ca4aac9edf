/** Debian's Chromium (`$CHROMIUM_PATH`, else /usr/bin/chromium). */
export declare const chromiumPath: string;
/** The flags every launcher of the project passes. */
export declare const chromiumArgs: string[];
