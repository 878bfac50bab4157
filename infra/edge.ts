import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../functions/shared/edge';
import { DATA_CSP, SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from '../functions/shared/http';
import { EDGE_REGION } from './edge-firewall-stack';

/** The construct id CDK gives the function behind every AwsCustomResource of a stack. */
const AWS_CUSTOM_RESOURCE_FUNCTION_ID = 'AWS679f53fac002430cb0da5b7982bd2287';

export interface EdgeStackProps extends StackProps {
  readonly httpApi: apigwv2.IHttpApi;
  /** The name of the secret CloudFront sends in the origin-verify header (`createOriginVerifySecret`). */
  readonly originVerifySecretName: string;
  /** The SSM parameter in us-east-1 holding the web ACL's ARN (infra/edge-firewall-stack.ts). */
  readonly webAclArnParameterName: string;
  /**
   * The distribution's custom domain and its ACM certificate (in us-east-1).
   * @default - the distribution's own `*.cloudfront.net` name
   */
  readonly domainName?: string;
  readonly certificateArn?: string;
}

/**
 * CloudFront in front of the HTTP API, with the web ACL of the edge firewall stack (in us-east-1;
 * this stack deploys where the others do). Nothing is cached (every answer is personal or
 * `no-store`); every viewer header but Host goes to the origin,
 * with CloudFront's own headers (CloudFront-Viewer-Address: the address the signing pages' rate
 * limits key on) and a secret header the functions check, so that the API's own address, which an
 * HTTP API cannot close, answers nothing useful. The functions set the security headers.
 */
export class EdgeStack extends Stack {
  public readonly distribution: cloudfront.Distribution;
  /** The security headers CloudFront adds to answers that lack them (API Gateway's own). */
  public readonly responseHeadersPolicy: cloudfront.ResponseHeadersPolicy;
  /** https://<domain> of the distribution: its custom domain, or its `*.cloudfront.net` name. */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);

    // A web ACL for CloudFront lives in us-east-1; this stack may be elsewhere, so read its ARN there.
    const parameterArn = this.formatArn({ service: 'ssm', region: EDGE_REGION, resource: 'parameter', resourceName: props.webAclArnParameterName.replace(/^\//, '') });
    const webAclArn = new cr.AwsCustomResource(this, 'WebAclArn', {
      onUpdate: {
        service: 'SSM',
        action: 'getParameter',
        parameters: { Name: props.webAclArnParameterName },
        region: EDGE_REGION,
        physicalResourceId: cr.PhysicalResourceId.of(props.webAclArnParameterName),
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: [parameterArn] }),
      installLatestAwsSdk: false,
    });

    // The custom resource's one function (a singleton of the stack), which CDK gives Lambda's basic role.
    const readerRole = this.node.tryFindChild(AWS_CUSTOM_RESOURCE_FUNCTION_ID)?.node.tryFindChild('ServiceRole')?.node.defaultChild;
    if (readerRole) {
      Validations.of(readerRole).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The function of the custom resource that reads the web ACL\'s ARN at deployment: CDK gives it Lambda\'s '
          + 'basic execution role (its own logs only); its one other permission is ssm:GetParameter on that parameter.',
      });
    }

    this.responseHeadersPolicy = securityHeadersPolicy(this);

    const certificate = props.certificateArn ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn) : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'European Ports Alliance signing',
      defaultBehavior: {
        origin: new origins.HttpOrigin(`${props.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          // A dynamic reference: CloudFormation reads the value at deployment; the template holds only the name.
          customHeaders: { [ORIGIN_VERIFY_HEADER]: `{{resolve:secretsmanager:${props.originVerifySecretName}:SecretString:::}}` },
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        // Host stays the API's own (API Gateway refuses any other); CloudFront-Viewer-Address comes along.
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: this.responseHeadersPolicy,
      },
      webAclId: webAclArn.getResponseField('Parameter.Value'),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Europe and North America: the signatories are in the EU.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      ...(props.domainName && certificate
        ? { domainNames: [props.domainName], certificate, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
    });
    this.url = `https://${props.domainName ?? this.distribution.distributionDomainName}`;

    new CfnOutput(this, 'EdgeUrl', { value: this.url, description: 'The public address: set appUrl to it (the API\'s own address refuses requests)' });

    const distribution = this.distribution.node.defaultChild!;
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'No geo restriction: signatories and auditors may sign or verify from anywhere; AWS WAF limits abuse per address.',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR3',
      reason: 'No CloudFront access log: it would keep every viewer\'s IP address and the full path, where a signing link '
        + 'carries its secret. The API\'s access log (route key, status, no address) and WAF\'s metrics and sampled requests suffice.',
    });
    if (!props.domainName) {
      Validations.of(distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose security policy '
          + 'cannot be chosen; setting edgeDomainName and edgeCertificateArn enforces TLSv1.2_2021 (docs/operations.md).',
      });
    }
  }
}

/** The max-age of `STRICT_TRANSPORT_SECURITY`, in seconds. */
const HSTS_MAX_AGE_SECONDS = Number(/max-age=(\d+)/.exec(STRICT_TRANSPORT_SECURITY)![1]);

/**
 * The functions' security headers (functions/shared/http.ts) on every answer: API Gateway's own
 * answers (an unknown route, the JWT authorizer's 401 and 403, throttling's 429) come from no
 * function and would carry none. Nothing overrides a header the origin sent, so each function's own
 * values (its page's Content-Security-Policy, a register page's Cache-Control) stay as they are;
 * an answer with no policy gets the one of JSON answers.
 */
function securityHeadersPolicy(scope: Construct): cloudfront.ResponseHeadersPolicy {
  const header = (name: string) => SECURITY_HEADERS[name]!;
  // Headers CloudFront sets through its security headers settings; the others are custom headers
  // but Cache-Control, which is no security header here: CloudFront caches nothing (CACHING_DISABLED).
  const notCustom = new Set(['referrer-policy', 'x-content-type-options', 'x-frame-options', 'cache-control']);
  return new cloudfront.ResponseHeadersPolicy(scope, 'SecurityHeaders', {
    comment: 'Security headers of the European Ports Alliance signing on every answer, without overriding the functions\' own',
    securityHeadersBehavior: {
      strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: STRICT_TRANSPORT_SECURITY.includes('includeSubDomains'), override: false },
      contentTypeOptions: { override: false },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: false },
      referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: false },
      contentSecurityPolicy: { contentSecurityPolicy: DATA_CSP, override: false },
    },
    customHeadersBehavior: {
      customHeaders: Object.keys(SECURITY_HEADERS).filter((name) => !notCustom.has(name))
        .map((name) => ({ header: name, value: header(name), override: false })),
    },
  });
}

/**
 * The secret CloudFront sends in the origin-verify header, generated by CloudFormation. It lives in
 * the stateless stack with the functions that read it; the edge stack refers to it by name.
 */
export function createOriginVerifySecret(scope: Construct, id: string, secretName: string): secretsmanager.Secret {
  const secret = new secretsmanager.Secret(scope, id, {
    secretName,
    description: `Sent by CloudFront in ${ORIGIN_VERIFY_HEADER}; the signing API refuses requests without it`,
    generateSecretString: { passwordLength: 64, excludePunctuation: true },
  });
  Validations.of(secret.node.defaultChild!).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason: 'CloudFront holds a copy of this value in its origin configuration, which a rotation function would have to '
      + 'update in step with the functions\' cache; it is rotated by a deployment instead (docs/operations.md).',
  });
  return secret;
}
