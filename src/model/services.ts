// Services as the model draws them: the engine's resolved Services (addresses, backends), under
// the names the topology has always used.
export * from '../engine/services';
