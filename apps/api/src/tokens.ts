export const RESOURCE_REGISTRY = Symbol('RESOURCE_REGISTRY');
export const READINESS = Symbol('READINESS');
export const API_CONFIG = Symbol('API_CONFIG');
