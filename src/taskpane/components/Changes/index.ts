export { Changes, type ChangesProps } from "./Changes";
