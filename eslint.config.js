import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// The layers (DESIGN §6), each importing only those below it:
//   domain, i18n  ←  db, events  ←  services  ←  web, plugins  ←  app.ts, server.ts, cli
// A file importing from a layer above its own fails the lint, with the reason.
const ABOVE_DB = ['**/services/**', '**/web/**', '**/plugins/**', '**/cli/**', '**/app.js', '**/server.js', '**/config.js']
const layer = (files, forbidden, message, extra = {}) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', {
      patterns: [{ group: forbidden, message }, ...(extra.patterns ?? [])]
    }]
  }
})

export default tseslint.config(
  // test/lint/fixtures hold files that break the rules on purpose; test/lint/layers.test.ts lints them.
  { ignores: ['dist/', 'node_modules/', 'data/', 'test-results/', 'test/lint/fixtures/', 'assets/build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly',
        clearTimeout: 'readonly', Buffer: 'readonly', document: 'readonly', window: 'readonly',
        localStorage: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error'
    }
  },
  layer(['src/domain/**', 'src/i18n/**'], ['**/db/**', '**/events/**', ...ABOVE_DB],
    'domain and i18n are pure rules and words: no database, no events, nothing from the layers above (DESIGN §6).'),
  layer(['src/db/**', 'src/events/**'], ABOVE_DB,
    'db and events sit below services, web and plugins: move the shared type or rule down to domain (DESIGN §6).'),
  layer(['src/services/**'], ['**/web/**', '**/plugins/**', '**/cli/**', '**/app.js', '**/server.js'],
    'services sit below web and plugins: move the shared type or rule down to domain (DESIGN §6).'),
  layer(['src/plugins/**'], ['**/web/routes/**', '**/cli/**', '**/app.js', '**/server.js'],
    'plugins do not depend on routes, the app or the command line (DESIGN §6).'),
  layer(['src/web/routes/**'], ['**/cli/**', '**/app.js', '**/server.js'],
    'routes do not depend on the app or the command line (DESIGN §6).'),
  {
    files: ['src/web/views/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/web/routes/**', '**/cli/**', '**/app.js', '**/server.js'], message: 'views render what they are given (DESIGN §6).' },
          {
            group: ['**/services/**', '**/db/**'],
            allowTypeImports: true,
            message: 'views render data, they do not fetch it: take the shape as a type, and rules and limits from domain (DESIGN §6).'
          }
        ]
      }]
    }
  }
)
