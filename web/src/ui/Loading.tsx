import { Center, Loader } from '@mantine/core';

export function FullPageLoader() {
  return (
    <Center h="100vh">
      <Loader />
    </Center>
  );
}

export function SectionLoader() {
  return (
    <Center py="xl">
      <Loader size="sm" />
    </Center>
  );
}
