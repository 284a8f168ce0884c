// Quiet, deterministic defaults for every test process.
process.env.DOTENV_CONFIG_QUIET = 'true';
process.env.SHOPDESK_LOG_LEVEL = process.env.SHOPDESK_LOG_LEVEL || 'silent';
