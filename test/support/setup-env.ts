// Runs in every test worker before the test file.
process.env.NODE_ENV ??= 'test';
process.env.LOG_LEVEL ??= 'warn';
process.env.DOTENV_CONFIG_QUIET = 'true';
