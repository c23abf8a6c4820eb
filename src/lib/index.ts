export * from './ipv4';
export * from './mac';
export * from './ipv6';
export * from './prng';
export * from './assert';
export * from './result';
export * from './civil';
export * from './own';
