// ajv-formats-draft2019 ships no type declarations; only the test validators use it.
declare module "ajv-formats-draft2019" {
  import type Ajv from "ajv";

  const addFormats2019: (ajv: Ajv, options?: { formats?: string[] }) => Ajv;
  export default addFormats2019;
}
