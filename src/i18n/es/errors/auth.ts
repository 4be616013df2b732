/** Mensajes de limitación de ingresos y del segundo factor, por código de error. */
export default {
  'auth.too_many_attempts': 'Demasiados ingresos fallidos desde esta red. Espere unos minutos e inténtelo de nuevo.',
  'auth.challenge_invalid': 'El paso de ingreso venció o se agotó. Ingrese de nuevo su usuario y contraseña.',
  'auth.code_invalid': 'El código no es correcto o ya fue usado. Ingrese el código actual de su aplicación o un código de recuperación.',
  'auth.code_format': 'Ingrese los 6 dígitos que muestra su aplicación de autenticación.',
  'auth.code_or_recovery_code': 'Ingrese un código de su aplicación o un código de recuperación, no ambos.',
  'auth.second_factor_required': 'Su rol exige el ingreso en dos pasos. Configúrelo antes de continuar.',
} as Record<string, string>;
