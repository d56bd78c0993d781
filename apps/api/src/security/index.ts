export * from './admin-token.store';
export * from './kubeconfig.writer';
export * from './pki.store';
