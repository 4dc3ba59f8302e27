/**
 * The path of Osaamo's one plain HTTP route, where Job Market Finland's permit page sends the
 * person back: each registration's redirect URI (`OSAAMO_TMT_*_REDIRECT_URI`, registered with
 * KEHA) must end with it.
 */
export const TMT_CALLBACK_PATH = '/job-market-finland/permit';
