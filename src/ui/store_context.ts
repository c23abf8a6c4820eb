/** The app store for components deep in the tree (graph nodes), without prop drilling through React Flow. */
import { createContext } from 'react';
import type { AppStore } from '../store';

export const StoreContext = createContext<AppStore>(null as unknown as AppStore);
