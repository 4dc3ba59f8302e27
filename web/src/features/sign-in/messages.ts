import { defineMessages } from '../../i18n/i18n';

export const signInMessages = defineMessages(
  {
    title: 'Sign in',
    developmentTitle: 'Development sign-in',
    developmentHint:
      'Development only: choose a fixture user. The token is signed with the public development secret.',
    user: 'User',
    choose: 'Choose a user',
    signIn: 'Sign in',
    noMethods: 'No sign-in is configured for this server.',
    failed: 'Sign-in failed: {reason}',
    issuersTitle: 'Sign in with your organisation or Suomi.fi',
    signInWith: 'Sign in: {name}',
    completing: 'Completing sign-in…',
    again: 'Back to sign-in',
  },
  {
    title: 'Kirjaudu sisään',
    developmentTitle: 'Kehityskäytön kirjautuminen',
    developmentHint:
      'Vain kehityskäyttöön: valitse testikäyttäjä. Tunniste allekirjoitetaan julkisella kehitysavaimella.',
    user: 'Käyttäjä',
    choose: 'Valitse käyttäjä',
    signIn: 'Kirjaudu',
    noMethods: 'Tälle palvelimelle ei ole määritetty kirjautumistapaa.',
    failed: 'Kirjautuminen epäonnistui: {reason}',
    issuersTitle: 'Kirjaudu organisaatiosi tunnuksilla tai Suomi.fi-tunnistuksella',
    signInWith: 'Kirjaudu: {name}',
    completing: 'Kirjautumista viimeistellään…',
    again: 'Takaisin kirjautumiseen',
  },
  {
    title: 'Logga in',
    developmentTitle: 'Inloggning för utveckling',
    developmentHint:
      'Endast för utveckling: välj en testanvändare. Token signeras med den offentliga utvecklingsnyckeln.',
    user: 'Användare',
    choose: 'Välj en användare',
    signIn: 'Logga in',
    noMethods: 'Ingen inloggning har konfigurerats för den här servern.',
    failed: 'Inloggningen misslyckades: {reason}',
    issuersTitle: 'Logga in med din organisations konto eller med Suomi.fi-identifikation',
    signInWith: 'Logga in: {name}',
    completing: 'Inloggningen slutförs…',
    again: 'Tillbaka till inloggningen',
  },
);
