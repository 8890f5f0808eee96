/** The committed file of the dashboard's API types. */
export declare const API_TYPES_FILE: string;
/** The document narrowed to the back office's routes and the schemas they reach. */
export declare function backOfficeOnly(document: object): object;
/** The TypeScript text of the types for an OpenAPI document, as `npm run admin:api-types` writes it. */
export declare function generateApiTypes(document: object): Promise<string>;
