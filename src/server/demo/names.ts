/**
 * Synthetic names for training data. Common Peruvian given and family names combined at random: they
 * identify nobody, but look like what a registrar types, so search and duplicate review can be practised.
 */
export const femaleNames = [
  'María', 'Rosa', 'Carmen', 'Ana', 'Luz', 'Julia', 'Juana', 'Elena', 'Lucía', 'Milagros', 'Yesenia', 'Roxana',
  'Flor', 'Sonia', 'Maribel', 'Nélida', 'Gladys', 'Delia', 'Yolanda', 'Karina', 'Fiorella', 'Dayana', 'Kiara',
  'Valeria', 'Camila', 'Jimena', 'Naomi', 'Sheyla', 'Ruth', 'Marleny', 'Edith', 'Hilda', 'Norma', 'Yaneth',
] as const;

export const maleNames = [
  'José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel', 'Pedro', 'Víctor', 'César', 'Manuel', 'Wilber', 'Edwin',
  'Alex', 'Richard', 'Percy', 'Wilmer', 'Elmer', 'Fredy', 'Yordan', 'Brayan', 'Kevin', 'Jhon', 'Nilton', 'Hugo',
] as const;

export const familyNames = [
  'Quispe', 'Mamani', 'Huamán', 'Flores', 'Condori', 'Rodríguez', 'Sánchez', 'García', 'Chávez', 'Rojas',
  'Vásquez', 'Ramos', 'Torres', 'Ramírez', 'Mendoza', 'Díaz', 'Cruz', 'Gutiérrez', 'Castillo', 'Espinoza',
  'Huanca', 'Ccori', 'Choque', 'Apaza', 'Ticona', 'Yupanqui', 'Cusi', 'Pari', 'Ñahui', 'Tapia', 'Paredes',
  'Salazar', 'Ríos', 'Vargas', 'Zapata', 'Silva', 'Aguilar', 'Ccahuana', 'Layme', 'Ayala',
] as const;
