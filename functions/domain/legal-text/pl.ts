import type { LegalText } from './legal-text';

/** Legal text in pl: each string is hashed exactly as written, so a changed character is a new statement. */
export const pl: LegalText = {
  consent: 'Wyrażam zgodę na elektroniczne podpisanie niniejszej deklaracji w imieniu mojej organizacji i potwierdzam, że jestem do tego upoważniony(-a).',
  publication:
    'Wyrażamy zgodę na opublikowanie przez Europejski Sojusz Portów nazwy, państwa i kategorii naszej organizacji w jego publicznym rejestrze sygnatariuszy, po opatrzeniu naszego zobowiązania kontrasygnatą i pieczęcią elektroniczną. Nie publikuje się imion i nazwisk ani adresów żadnych osób.',
};
