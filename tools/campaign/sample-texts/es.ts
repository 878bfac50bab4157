import type { SampleText } from './sample-text';

export const es: SampleText = {
  title: 'Alianza Europea de Puertos: Declaración conjunta contra el tráfico de drogas y la infiltración delictiva en los puertos de la UE',
  paragraphs: [
    'Nosotros, las autoridades policiales, las autoridades aduaneras, las autoridades portuarias, los operadores portuarios privados y las agencias de la UE abajo firmantes, junto con la Comisión Europea,',
    '',
    'reconociendo que las redes delictivas utilizan los puertos de la UE para el tráfico de drogas y que las incautaciones de cocaína en la UE superan las 300 toneladas anuales,',
    '',
    'nos comprometemos a actuar conjuntamente contra la delincuencia organizada: a detectar las vulnerabilidades de nuestros puertos, a compartir buenas prácticas, a aplicar las normas de seguridad de la UE e internacionales, y a resistir la intimidación, la corrupción y la infiltración delictiva.',
  ],
  commitments: {
    'share-intelligence': 'Compartir con las agencias asociadas y con Europol la información de inteligencia criminal sobre el tráfico relacionado con los puertos.',
    'joint-operations': 'Participar en operaciones conjuntas en los puertos de la UE.',
    'risk-analysis': 'Aplicar un análisis de riesgos común a los contenedores procedentes de orígenes de alto riesgo.',
    'scanning': 'Desplegar capacidad de escaneado de contenedores conforme a las normas de la UE.',
    'access-control': 'Aplicar el control de acceso y la verificación de antecedentes de los trabajadores portuarios.',
    'vulnerability-assessment': 'Evaluar cada año las vulnerabilidades del puerto frente a la infiltración delictiva.',
    'screen-staff': 'Verificar al personal que ocupa puestos sensibles y protegerlo frente a la intimidación.',
    'report-incidents': 'Comunicar sin demora los incidentes sospechosos a las autoridades competentes.',
    'secure-data': 'Proteger los datos de despacho de contenedores (códigos PIN) frente a usos indebidos.',
    'support-members': 'Apoyar a los miembros de la Alianza mediante análisis, coordinación y formación.',
  },
};
