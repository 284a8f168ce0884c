/** Staff accounts and sign-in (agents, merchandisers, admins). */
export { hashPassword, verifyPassword, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from './passwords';
export { StaffAuth, STAFF_ROLES, type StaffPrincipal, type StaffRole, type StaffAuthOptions, type SignInResult } from './staff-auth';
export { registerStaffRoutes, requireStaff, staffFromRequest, STAFF_COOKIE, type StaffRoutesOptions } from './staff-routes';
export { ensureDemoStaff, DEMO_STAFF, type DemoStaffMember } from './demo-staff';
