import { MemoryStoreData, openMemoryStore } from './memory-store.ts';
import { storeContract } from './store-contract.ts';

storeContract('memory store', async () => {
  const data = new MemoryStoreData();
  return { open: async () => openMemoryStore(data), dispose: async () => {} };
});
