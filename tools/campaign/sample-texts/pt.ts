import type { SampleText } from './sample-text';

export const pt: SampleText = {
  title: 'Aliança Europeia dos Portos: Declaração conjunta contra o tráfico de droga e a infiltração criminosa nos portos da UE',
  paragraphs: [
    'Nós, as autoridades de aplicação da lei, as autoridades aduaneiras, as autoridades portuárias, os operadores portuários privados e as agências da UE abaixo assinados, juntamente com a Comissão Europeia,',
    '',
    'reconhecendo que as redes criminosas exploram os portos da UE para traficar droga e que as apreensões de cocaína na UE excedem 300 toneladas por ano,',
    '',
    'comprometemo-nos a agir em conjunto contra a criminalidade organizada: identificar as vulnerabilidades dos nossos portos, partilhar boas práticas, aplicar as normas de segurança da UE e internacionais e resistir à intimidação, à corrupção e à infiltração criminosa.',
  ],
  commitments: {
    'share-intelligence': 'Partilhar informações criminais sobre o tráfico relacionado com os portos com as agências parceiras e com a Europol.',
    'joint-operations': 'Participar em operações conjuntas nos portos da UE.',
    'risk-analysis': 'Aplicar uma análise de risco comum aos contentores provenientes de origens de alto risco.',
    'scanning': 'Instalar capacidade de inspeção não intrusiva de contentores em conformidade com as normas da UE.',
    'access-control': 'Aplicar o controlo de acesso e a verificação de antecedentes dos trabalhadores portuários.',
    'vulnerability-assessment': 'Avaliar todos os anos as vulnerabilidades do porto à infiltração criminosa.',
    'screen-staff': 'Verificar o pessoal em funções sensíveis e protegê-lo contra a intimidação.',
    'report-incidents': 'Comunicar sem demora os incidentes suspeitos às autoridades competentes.',
    'secure-data': 'Proteger os dados de levantamento de contentores (códigos PIN) contra utilizações abusivas.',
    'support-members': 'Apoiar os membros da Aliança com análise, coordenação e formação.',
  },
};
