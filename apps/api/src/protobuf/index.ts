export { decodeProtobufObject, KUBE_PROTOBUF_MAGIC } from './decode-protobuf-object';
