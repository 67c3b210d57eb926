UPDATE plans SET code = lower(name);
