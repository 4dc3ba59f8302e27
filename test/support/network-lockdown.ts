// Runs in every test worker after the environment is set up: no test may reach the internet.
// Loopback stays open (the test servers, the fakes, PostgreSQL does not go through http).
import nock from 'nock';

nock.disableNetConnect();
nock.enableNetConnect((host) => /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host));
