import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { shapeAccessToken } from '../../operations/shape-access-token';

/**
 * The user pool's pre-token-generation trigger (event version 2): it answers with the access token's
 * scopes and claims, and leaves the ID token as Cognito makes it. It logs nothing: the event holds
 * the user's attributes.
 */
export const handler = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
  const shape = shapeAccessToken({
    groups: event.request.groupConfiguration?.groupsToOverride ?? [],
    requestedScopes: event.request.scopes ?? [],
    userAttributes: event.request.userAttributes ?? {},
  });
  event.response = {
    claimsAndScopeOverrideDetails: {
      accessTokenGeneration: {
        claimsToAddOrOverride: shape.claimsToAddOrOverride,
        scopesToSuppress: shape.scopesToSuppress,
      },
    },
  };
  return event;
};
