/** Lessons and instructor mode in the UI: the panel, the toolbar additions, the graph highlight, the view. */
export { LessonPanel } from './LessonPanel';
export { LessonTools } from './LessonTools';
export { GraphHighlight } from './GraphHighlight';
export { useLessonStore, lessonStoreFor } from './lesson_context';
export { Presentation } from '../instructor/Presentation';
export { instructorFor, useInstructor } from '../instructor/instructor_context';
