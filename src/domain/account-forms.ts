// The account forms (first-run setup, invitation, profile, password), checked without I/O.
// Errors are message keys so the page says them in the admin's language.
import {
  DISPLAY_NAME_MAX_LENGTH, EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, isValidEmail, normaliseEmail,
  passwordProblem, type PasswordProblem
} from './accounts.js'
import { isRole, type Role } from './roles.js'

export type AccountFormError =
  | 'admin.form.required' | 'admin.form.tooLong' | 'admin.form.invalidEmail' | 'admin.form.invalidRole'
  | 'admin.form.passwordTooShort' | 'admin.form.passwordTooLong' | 'admin.form.passwordSameAsEmail'
  | 'admin.form.passwordMismatch' | 'admin.form.emailTaken' | 'admin.form.currentPasswordWrong' | 'admin.form.currentPasswordThrottled'
  | 'admin.form.invalidCharacters' | 'admin.form.singleValue'

export interface FieldError { key: AccountFormError, max?: number, min?: number }
export type FieldErrors<F extends string> = Partial<Record<F, FieldError>>

export const SITE_NAME_MAX_LENGTH = 200

// eslint-disable-next-line no-control-regex -- control characters have no place in names
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/

/** One field of a parsed form body as a string; a repeated field is an error, not a silent pick. */
export function formValue(body: unknown, name: string): { text: string, single: boolean } {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
  if (value === undefined || value === null) return { text: '', single: true }
  if (typeof value === 'string') return { text: value, single: true }
  return { text: '', single: false }
}

function requiredLine(body: unknown, name: string, max: number): { value: string, error?: FieldError } {
  const { text, single } = formValue(body, name)
  const value = text.trim()
  if (!single) return { value, error: { key: 'admin.form.singleValue' } }
  if (value === '') return { value, error: { key: 'admin.form.required' } }
  if ([...value].length > max) return { value, error: { key: 'admin.form.tooLong', max } }
  if (CONTROL_CHARACTERS.test(value)) return { value, error: { key: 'admin.form.invalidCharacters' } }
  return { value }
}

function emailField(body: unknown): { value: string, error?: FieldError } {
  const line = requiredLine(body, 'email', EMAIL_MAX_LENGTH)
  const value = normaliseEmail(line.value)
  if (line.error) return line
  return isValidEmail(value) ? { value } : { value: line.value, error: { key: 'admin.form.invalidEmail' } }
}

const PASSWORD_ERRORS: Record<PasswordProblem, FieldError> = {
  required: { key: 'admin.form.required' },
  tooShort: { key: 'admin.form.passwordTooShort', min: PASSWORD_MIN_LENGTH },
  tooLong: { key: 'admin.form.passwordTooLong', max: PASSWORD_MAX_LENGTH },
  sameAsEmail: { key: 'admin.form.passwordSameAsEmail' },
  mismatch: { key: 'admin.form.passwordMismatch' }
}

/** The new password and its confirmation; the error sits on whichever field is wrong. */
function newPasswordFields(body: unknown, email: string, names = { password: 'password', confirm: 'password_confirm' }): { value: string, errors: Partial<Record<string, FieldError>> } {
  const password = formValue(body, names.password)
  const confirm = formValue(body, names.confirm)
  if (!password.single) return { value: '', errors: { [names.password]: { key: 'admin.form.singleValue' } } }
  const problem = passwordProblem(password.text, { email })
  if (problem) return { value: '', errors: { [names.password]: PASSWORD_ERRORS[problem] } }
  if (!confirm.single || confirm.text !== password.text) return { value: '', errors: { [names.confirm]: PASSWORD_ERRORS.mismatch } }
  return { value: password.text, errors: {} }
}

type Result<V, F extends string> = { ok: true, values: V } | { ok: false, values: V, errors: FieldErrors<F> }

function result<V, F extends string>(values: V, errors: FieldErrors<F>): Result<V, F> {
  return Object.keys(errors).length === 0 ? { ok: true, values } : { ok: false, values, errors }
}

export type SetupField = 'site_name' | 'email' | 'display_name' | 'password' | 'password_confirm'
export interface SetupValues { siteName: string, email: string, displayName: string, password: string }

export function validateSetupForm(body: unknown): Result<SetupValues, SetupField> {
  const errors: FieldErrors<SetupField> = {}
  const siteName = requiredLine(body, 'site_name', SITE_NAME_MAX_LENGTH)
  if (siteName.error) errors.site_name = siteName.error
  const email = emailField(body)
  if (email.error) errors.email = email.error
  const displayName = requiredLine(body, 'display_name', DISPLAY_NAME_MAX_LENGTH)
  if (displayName.error) errors.display_name = displayName.error
  const password = newPasswordFields(body, email.value)
  Object.assign(errors, password.errors)
  return result({ siteName: siteName.value, email: email.value, displayName: displayName.value, password: password.value }, errors)
}

export type InviteField = 'email' | 'display_name' | 'role'
export interface InviteValues { email: string, displayName: string, role: Role }

export function validateInviteForm(body: unknown): Result<InviteValues, InviteField> {
  const errors: FieldErrors<InviteField> = {}
  const email = emailField(body)
  if (email.error) errors.email = email.error
  const displayName = requiredLine(body, 'display_name', DISPLAY_NAME_MAX_LENGTH)
  if (displayName.error) errors.display_name = displayName.error
  const role = formValue(body, 'role')
  if (!isRole(role.text)) errors.role = { key: 'admin.form.invalidRole' }
  return result({ email: email.value, displayName: displayName.value, role: (isRole(role.text) ? role.text : 'contributor') as Role }, errors)
}

export function validateRole(body: unknown): Role | null {
  const role = formValue(body, 'role')
  return role.single && isRole(role.text) ? role.text : null
}

export type ProfileField = 'display_name'
export function validateProfileForm(body: unknown): Result<{ displayName: string }, ProfileField> {
  const displayName = requiredLine(body, 'display_name', DISPLAY_NAME_MAX_LENGTH)
  return result({ displayName: displayName.value }, displayName.error ? { display_name: displayName.error } : {})
}

export type PasswordChangeField = 'current_password' | 'password' | 'password_confirm'
export function validatePasswordChange(body: unknown, email: string): Result<{ currentPassword: string, password: string }, PasswordChangeField> {
  const errors: FieldErrors<PasswordChangeField> = {}
  const current = formValue(body, 'current_password')
  if (!current.single || current.text === '') errors.current_password = { key: current.single ? 'admin.form.required' : 'admin.form.singleValue' }
  const password = newPasswordFields(body, email)
  Object.assign(errors, password.errors)
  return result({ currentPassword: current.text, password: password.value }, errors)
}

export type SetPasswordField = 'password' | 'password_confirm'
export function validateNewPassword(body: unknown, email: string): Result<{ password: string }, SetPasswordField> {
  const password = newPasswordFields(body, email)
  return result({ password: password.value }, password.errors as FieldErrors<SetPasswordField>)
}
