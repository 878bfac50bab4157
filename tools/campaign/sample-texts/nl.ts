import type { SampleText } from './sample-text';

export const nl: SampleText = {
  title: 'Europese Havenalliantie: Gezamenlijke verklaring tegen drugshandel en criminele infiltratie in EU-havens',
  paragraphs: [
    'Wij, de ondergetekende rechtshandhavingsautoriteiten, douaneautoriteiten, havenautoriteiten, particuliere havenexploitanten en EU-agentschappen, samen met de Europese Commissie,',
    '',
    'erkennend dat criminele netwerken EU-havens misbruiken voor drugshandel, en dat de inbeslagnemingen van cocaïne in de EU meer dan 300 ton per jaar bedragen,',
    '',
    'verbinden ons ertoe samen op te treden tegen georganiseerde criminaliteit: de kwetsbaarheden van onze havens in kaart te brengen, beste praktijken te delen, de beveiligingsnormen van de EU en internationale beveiligingsnormen toe te passen, en weerstand te bieden aan intimidatie, corruptie en criminele infiltratie.',
  ],
  commitments: {
    'share-intelligence': 'Criminele inlichtingen over havengerelateerde smokkel delen met partnerdiensten en Europol.',
    'joint-operations': 'Deelnemen aan gezamenlijke operaties in EU-havens.',
    'risk-analysis': 'Een gemeenschappelijke risicoanalyse toepassen op containers uit herkomstgebieden met een hoog risico.',
    'scanning': 'Capaciteit voor het scannen van containers inzetten overeenkomstig de EU-normen.',
    'access-control': 'Toegangscontrole en antecedentenonderzoek voor havenwerknemers handhaven.',
    'vulnerability-assessment': 'Elk jaar de kwetsbaarheden van de haven voor criminele infiltratie beoordelen.',
    'screen-staff': 'Personeel in gevoelige functies screenen en tegen intimidatie beschermen.',
    'report-incidents': 'Verdachte incidenten onverwijld melden aan de bevoegde autoriteiten.',
    'secure-data': 'Gegevens voor de vrijgave van containers (pincodes) beveiligen tegen misbruik.',
    'support-members': 'De leden van de Alliantie ondersteunen met analyse, coördinatie en opleiding.',
  },
};
