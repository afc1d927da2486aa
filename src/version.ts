/**
 * RxRoster's version, as `rxroster --version` prints it and the OpenAPI document gives it; package.json's
 * (a test holds them equal), kept here so neither reads a file whose place differs between the sources
 * and dist/.
 */
export const VERSION = "0.1.0";
