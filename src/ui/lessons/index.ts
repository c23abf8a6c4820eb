/**
 * Lessons and instructor mode in the UI: the toolbar additions, the graph highlight, the stores. The lesson
 * panel (./LessonPanel) and the presentation view (../instructor/Presentation) are imported lazily where they
 * show, so they stay out of the first screen's chunk.
 */
export { LessonTools } from './LessonTools';
export { GraphHighlight } from './GraphHighlight';
export { useLessonStore, lessonStoreFor } from './lesson_context';
export { instructorFor, useInstructor } from '../instructor/instructor_context';
