// The platform's error body: `{"error":{"message","detail"},"status":"failure"}`.
export function errorBody(message: string, detail: string | null) {
  return { error: { message, detail }, status: 'failure' };
}
